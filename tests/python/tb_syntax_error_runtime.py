src = 'x = (1,'
try:
    compile(src, 'bad.py', 'exec')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno)
exec('1 +* 2')
