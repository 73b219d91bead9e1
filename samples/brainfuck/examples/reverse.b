Reads all of its input and writes it back reversed
>,[>,]<[.<]
