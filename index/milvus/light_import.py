"""Import pymilvus without pandas, which it imports at the top of its schema modules and a search
never calls.

A Milvus search from a fresh process spent ~4.4 s importing pymilvus, ~2.2 s of it in pandas (and
the pyarrow pandas pulls in): pymilvus reads pandas only to accept DataFrames as insert data and to
infer a column's type from one (``pymilvus.orm.schema``, ``orm.types``, ``orm.prepare``). So pymilvus
is imported with stand-ins for ``pandas`` and ``pandas.api.types``: a name it binds at import time
(``from pandas.api.types import is_scalar``; ``pd.DataFrame`` in an annotation) is a function that
imports the real pandas when called, and a name it reads later (``isinstance(data, pd.DataFrame)``)
comes from the real pandas, imported then. The stand-ins leave ``sys.modules`` as soon as pymilvus
is in, so anything else that imports pandas gets the real one. A pymilvus that reads pandas in a
way the stand-ins do not serve (a submodule they lack) is imported again, whole, as before.
"""

from __future__ import annotations

import importlib
import sys
import threading
import types

DEFERRED = ("pandas", "pandas.api", "pandas.api.types")
_LOCK = threading.Lock()


class _Deferred(types.ModuleType):
    """A module whose attributes come from the real one, imported on first use. While ``loading``
    (pymilvus's import), a name asked for is a function that does so when called instead."""

    loading = True

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if _Deferred.loading:
            return _forwarder(self.__name__, name)
        return getattr(_real(self.__name__), name)


def _real(module: str) -> types.ModuleType:
    """The real module (once the stand-ins are out of ``sys.modules``)."""
    found = sys.modules.get(module)
    return found if found is not None and not isinstance(found, _Deferred) else importlib.import_module(module)


def _forwarder(module: str, name: str):
    def forward(*args, **kwargs):
        return getattr(_real(module), name)(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    return forward


def milvus_client_class():
    """``pymilvus.MilvusClient``, imported without pandas when neither is imported yet."""
    if "pymilvus" in sys.modules or "pandas" in sys.modules:
        from pymilvus import MilvusClient

        return MilvusClient
    with _LOCK:
        stand_ins = {name: _Deferred(name) for name in DEFERRED}
        for name in DEFERRED[:-1]:
            stand_ins[name].__path__ = []  # a package, so that its submodule stand-in is found
        _Deferred.loading = True
        sys.modules.update(stand_ins)
        try:
            from pymilvus import MilvusClient
        except Exception:  # a pymilvus that reads pandas otherwise: drop what it left, import it whole
            for name in [m for m in sys.modules if m == "pymilvus" or m.startswith("pymilvus.")]:
                del sys.modules[name]
            MilvusClient = None
        finally:
            _Deferred.loading = False
            for name, module in stand_ins.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
    if MilvusClient is None:
        from pymilvus import MilvusClient
    return MilvusClient
