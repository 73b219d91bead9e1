exprs = ['1 + 2 * 3 - 4 / 5', '(1 + 2) * 3 ** 2', '-2 ** 2', '2 ** -2', '2 ** 3 ** 2', '10 // 3 * 3 + 10 % 3', '-10 // 3', '-10 % 3', '10.0 // 3', '10 % -3.5', '7 / 7', '0 / 5', '1e308 + 1e308', '-1e308 * 10', "float('nan') != float('nan')", '0.1 * 3', 'round(0.1 * 3, 15)', '1 < 2 == 2 > 1', 'not 1 == 2', 'True is not False']
for e in exprs:
    try:
        v = eval(e)
        print(e, "=>", repr(v))
    except Exception as ex:
        print(e, "=>", type(ex).__name__, ex)
