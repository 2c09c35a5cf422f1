package pocket.plot;

import java.awt.Color;
import java.util.List;

/** CMS's recommended colour sets (the 6- and 10-colour palettes of the CMS publication guidelines). */
public final class Palette {
    private Palette() {}

    public static final List<Color> CMS6 = List.of(hex("#5790fc"), hex("#f89c20"), hex("#e42536"), hex("#964a8b"),
            hex("#9c9ca1"), hex("#7a21dd"));

    public static final List<Color> CMS10 = List.of(hex("#3f90da"), hex("#ffa90e"), hex("#bd1f01"), hex("#94a4a2"),
            hex("#832db6"), hex("#a96b59"), hex("#e76300"), hex("#b9ac70"), hex("#717581"), hex("#92dadd"));

    /** The colour for the i-th sample: the 6-colour set for up to six samples, the 10-colour one beyond, then cycling. */
    public static Color forSample(int i, int samples) {
        List<Color> p = samples <= CMS6.size() ? CMS6 : CMS10;
        return p.get(i % p.size());
    }

    public static Color hex(String s) { return Color.decode(s); }
}
