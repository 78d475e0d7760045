"""The MkDocs adapter of Dossier: options and build events; all logic lives in `dossier`."""
