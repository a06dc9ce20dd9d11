from shuzhi.cli import main

main()
