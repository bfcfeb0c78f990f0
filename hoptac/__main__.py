from hoptac.manage import main

main()
