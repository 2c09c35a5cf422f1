package pocket.rootio.write;

import java.time.LocalDateTime;

/** ROOT's TDatime: a date and time packed into 32 bits, counting years from 1995. */
final class Datime {
    private Datime() {}

    static int encode(LocalDateTime t) {
        return (t.getYear() - 1995) << 26 | t.getMonthValue() << 22 | t.getDayOfMonth() << 17
                | t.getHour() << 12 | t.getMinute() << 6 | t.getSecond();
    }
}
