print("oblige")
