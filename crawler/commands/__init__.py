"""The `saring` commands beside `clean`: one module each, with `add_parser(subparsers)` and `run(args)`."""
