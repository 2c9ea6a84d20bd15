from .backup import main


if __name__ == "__main__":
    main()
