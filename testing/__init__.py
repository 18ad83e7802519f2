"""Development tooling, not part of the installed package: the offline mirror of the fixture sites,
`make demo`, the fixture loaders and the builders of the reconstructed fixture pages."""
