"""Python web applications as specs: the frameworks whose OpenAPI documents aiplint generates (`frameworks`),
reading an application named `module:attr` (`app`), and the pytest plugin (`pytest_plugin`)."""
