module example.com/dynamic
