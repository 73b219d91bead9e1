import json
data = {"name": "x", "vals": [1, 2.5, True, None], "nested": {"a": "é"}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data, json.loads('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}'))
print(json.dumps("tab\there"), json.dumps([1, [2, []]]), json.dumps({}), json.dumps(1.0))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("error:", e)
