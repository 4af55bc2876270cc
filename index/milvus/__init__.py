"""Milvus as an index backend (issue #17): collections for chunks and sentences, BM25 inside Milvus.

``MilvusSink`` writes a build's collections; ``MilvusReader`` serves candidates to ``search``.
Needs the ``scale`` extra (pymilvus, milvus-lite); nothing here imports pymilvus at import time.
"""

from .connect import TOKEN_ENV, collection_prefix, connect, is_remote, normalise_uri
from .reader import MilvusReader, id_expression
from .sink import MilvusSink
from .tokens import stem_text, stem_texts

__all__ = ["MilvusSink", "MilvusReader", "TOKEN_ENV", "connect", "collection_prefix", "id_expression",
           "is_remote", "normalise_uri", "stem_text", "stem_texts"]
