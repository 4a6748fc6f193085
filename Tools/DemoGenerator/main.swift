print("generator pending")
