"""The scoring vocabulary: one small class per method, listed in `registry.METHODS`."""
