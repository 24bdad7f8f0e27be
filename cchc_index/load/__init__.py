"""Files → validated models; every problem collected, then raised once."""
