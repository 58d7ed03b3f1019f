// Floor: a Swift binary with only the standard library that prints.
print("gw floor")
