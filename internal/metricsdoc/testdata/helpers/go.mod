module example.com/helpers
