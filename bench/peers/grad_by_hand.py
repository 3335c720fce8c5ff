# The start-up peer of bench/startup: `chainrule grad "f = (x + y)·z" --at x=-2,y=5,z=-4` done by hand.
x, y, z = -2.0, 5.0, -4.0
q = x + y                      # forward: q = x + y, f = q·z
f = q * z
df_dq, df_dz = z, q            # backward: the chain rule, one node at a time
df_dx, df_dy = df_dq * 1.0, df_dq * 1.0
print("node  value  grad")
for name, value, grad in (("x", x, df_dx), ("y", y, df_dy), ("z", z, df_dz), ("q", q, df_dq), ("f", f, 1.0)):
    print("%-4s %6g %6g" % (name, value, grad))
