"""claimgraph: who said what, when, about what, and who says otherwise, traced to the source words."""

__version__ = "0.1.0"
