"""The maps of how entities are connected: the map pages, and the layout that places their
nodes and edges (its geometry, and the order that keeps edges from crossing).
"""
