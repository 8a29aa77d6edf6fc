"""Loading and checking: the trust boundary. Everything a contributor writes is read and
validated here, and nothing here imports from `scripts.site` or `scripts.tools`."""
