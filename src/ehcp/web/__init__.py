"""Casework: the Django web app a council SEND team (or an advocacy organisation) uses to run
every EHC case against the statutory clock in `ehcp.rules`."""
