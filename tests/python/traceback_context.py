try:
    {}["missing"]
except KeyError:
    undefined_name
