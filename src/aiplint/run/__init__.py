"""One run of `aiplint check`, `diff` or `changelog` as a pipeline of stages, one module each: find the files
(`files`) -> configure them (`configure`) -> open and lint them or take them from the cache (`lint`), keeping what
the baseline does not hold (`results`) -> compare with a git revision (`diff_base`) -> decide the exit status
(`exit`) -> write the reports (`reports`); `pipeline` ties them together, the options flowing down once."""
