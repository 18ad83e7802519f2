"""Lines and roles: the engine both the text path and the profile path read pages with."""
