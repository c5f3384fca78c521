from aiplint.cli import main

main()
