def main():
    print('main')
    raise SystemExit('bye from main')
if __name__ == '__main__':
    main()
