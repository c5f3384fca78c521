"""Running the rules over one document: which rules exist (`registry`, `plugin_index`), which run where and how
severe (`settings`), the run itself (`engine`), the findings it makes (`findings`), and what lets a team adopt
them gradually: baselines (`baseline`) and the result cache (`cache`)."""
