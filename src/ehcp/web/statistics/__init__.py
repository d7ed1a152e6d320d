"""Public pages of DfE's published EHC plan statistics: no sign-in and no case data.

Every number comes from `ehcp.stats`; this app only reads the store and draws pages.
"""
