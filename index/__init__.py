"""Ingesting, chunking, embedding and storing documents. Imports neither `qa` nor `cli`."""
