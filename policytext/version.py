"""The version of policytext (one place: the package, the CLI and batch fingerprints read it)."""

__version__ = "0.1.0"
