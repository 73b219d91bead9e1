raise ValueError('ünïcödé message ✓')
