"""DfE's published EHC plan statistics: import, store, catalogue and queries.

Pure library code: no Django, no command line. `ehcp.cli.stats` and the web app sit on top.
"""
