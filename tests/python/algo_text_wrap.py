text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua."
def wrap(t, width):
    lines, cur = [], ""
    for w in t.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur); cur = w
        else:
            cur = cur + " " + w if cur else w
    if cur: lines.append(cur)
    return lines
for width in (20, 35):
    for line in wrap(text, width):
        print(f"|{line:<{width}}|")
print(max(len(w) for w in text.split()), text.count(" ") + 1)
