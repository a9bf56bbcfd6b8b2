/// Quantiles of Student's t distribution, for the paired suite-level intervals.
public enum StudentT {
    /// t(0.975, df) for df = 1…30, to three decimals (the standard table).
    private static let table975: [Double] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]

    /// The normal quantile z(0.975).
    public static let z975 = 1.959963984540054

    /// The two-sided 95% critical value t(0.975, df).
    ///
    /// Exact table values up to 30 degrees of freedom; above, the Cornish–Fisher expansion around the
    /// normal quantile, which is within 0.0005 of the true value from df = 30 on.
    public static func quantile975(degreesOfFreedom df: Int) -> Double {
        precondition(df >= 1, "t needs at least one degree of freedom")
        if df <= table975.count { return table975[df - 1] }
        let z = z975, v = Double(df)
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
    }
}
