print("plan-bench: to be written")
