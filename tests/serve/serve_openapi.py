"""A small validator of JSON values against the app's OpenAPI 3.1 component schemas."""

from __future__ import annotations

from typing import Any

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def _type_ok(value: Any, kind: str) -> bool:
    if kind in {"integer", "number"} and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[kind])


def errors(value: Any, schema: dict[str, Any], spec: dict[str, Any], path: str = "$") -> list[str]:
    """Every way ``value`` violates ``schema`` (empty when it conforms)."""
    schema = _resolve(schema, spec)
    if "anyOf" in schema:
        branches = [errors(value, s, spec, path) for s in schema["anyOf"]]
        return (
            [] if any(not b for b in branches) else [f"{path}: matches no anyOf branch: {branches}"]
        )
    if "type" in schema and not _type_ok(value, schema["type"]):
        return [f"{path}: {value!r} is not {schema['type']}"]
    found: list[str] = []
    if isinstance(value, dict):
        props = schema.get("properties", {})
        found += [f"{path}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False or props:
            found += [f"{path}: unexpected {k}" for k in value if k not in props]
        for key, sub in props.items():
            if key in value:
                found += errors(value[key], sub, spec, f"{path}.{key}")
    if isinstance(value, list):
        if "prefixItems" in schema:
            found += [
                f"{path}: length {len(value)}"
                for _ in [0]
                if len(value) != len(schema["prefixItems"])
            ]
            for n, (item, sub) in enumerate(zip(value, schema["prefixItems"], strict=False)):
                found += errors(item, sub, spec, f"{path}[{n}]")
        elif "items" in schema:
            for n, item in enumerate(value):
                found += errors(item, schema["items"], spec, f"{path}[{n}]")
    return found


def response_schema(spec: dict[str, Any], path: str, method: str = "get") -> dict[str, Any]:
    """The declared 200 JSON schema of an operation."""
    operation = spec["paths"][path][method]
    schema: dict[str, Any] = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return schema
