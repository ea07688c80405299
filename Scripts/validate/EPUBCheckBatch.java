// Runs EPUBCheck's own command-line entry point on many books in one JVM, so the JVM starts and the
// schemas load once rather than once per book. Each book's report is EPUBCheck's usual output, framed
// by "=== BOOK <path>" and "=== STATUS <exit status>" lines.
//
// Usage: java -cp epubcheck.jar EPUBCheckBatch.java BOOK...
import com.adobe.epubcheck.tool.EpubChecker;

public class EPUBCheckBatch {
    public static void main(String[] books) {
        for (String book : books) {
            System.out.println("=== BOOK " + book);
            int status = new EpubChecker().run(new String[] { book });
            System.out.println("=== STATUS " + status);
            System.out.flush();
        }
    }
}
