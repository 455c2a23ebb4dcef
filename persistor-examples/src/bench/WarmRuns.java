import io.persistor.examples.cli.PersistorCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * Runs one CLI command line many times in this JVM and prints the median wall time of the last half in seconds:
 * the cost of the command itself once the JVM is running and warm. Used by startup-benchmark.sh.
 * Usage: java -cp persistor-cli.jar WarmRuns.java RUNS ARGS...
 */
public class WarmRuns {
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        String[] command = Arrays.copyOfRange(args, 1, args.length);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            long started = System.nanoTime();
            int code = PersistorCli.run(new PrintWriter(out, true), new PrintWriter(err, true), command);
            seconds[i] = (System.nanoTime() - started) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("exit code " + code + ": " + err);
            }
        }
        double[] warm = Arrays.copyOfRange(seconds, runs / 2, runs);
        Arrays.sort(warm);
        System.out.printf("%.3f%n", warm[warm.length / 2]);
    }
}
