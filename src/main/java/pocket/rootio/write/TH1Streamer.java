package pocket.rootio.write;

import java.util.List;

/**
 * Streams a {@link HistogramSpec} as ROOT's TH1D v3 or TH2D v4 (TH1 v8, TH2 v5, TAxis v10,
 * TAttAxis v4), with ROOT's default attributes, as {@link HistogramStreamerInfos} describes them.
 */
final class TH1Streamer {
    private static final int BITS = 0x03000000;
    private static final int LIST_BITS = 0x02000000;

    private TH1Streamer() {}

    static void write(OutBuffer out, HistogramSpec h) {
        boolean two = h.dimension() == 2;
        int top = out.beginVersion(two ? 4 : 3);
        int th2 = two ? out.beginVersion(5) : -1;
        int th1 = out.beginVersion(8);
        out.tnamed(h.name(), h.title(), BITS);
        int a = out.beginVersion(2); out.i16(602).i16(1).i16(1); out.endVersion(a);    // TAttLine
        a = out.beginVersion(2); out.i16(0).i16(1001); out.endVersion(a);               // TAttFill
        a = out.beginVersion(2); out.i16(1).i16(1).f32(1f); out.endVersion(a);          // TAttMarker
        out.i32(h.cells());
        axis(out, "xaxis", h.x());
        axis(out, "yaxis", two ? h.y() : HistogramSpec.Axis.regular(1, 0, 1));
        axis(out, "zaxis", HistogramSpec.Axis.regular(1, 0, 1));
        out.i16(0).i16(1000);                                   // fBarOffset, fBarWidth
        out.f64(h.entries()).f64(h.tsumw()).f64(h.tsumw2()).f64(h.tsumwx()).f64(h.tsumwx2());
        out.f64(-1111).f64(-1111).f64(0);                       // fMaximum, fMinimum: unset; fNormFactor
        arrayD(out, new double[0]);                             // fContour
        arrayD(out, h.sumw2Array() == null ? new double[0] : h.sumw2Array());
        out.tstring("");                                        // fOption
        int fn = out.beginVersion(5);                           // fFunctions, "->": streamed in place, an empty TList
        out.tobject(LIST_BITS).tstring("").i32(0);
        out.endVersion(fn);
        out.i32(0).i8(0);                                       // fBufferSize, no fBuffer
        out.i32(0).i32(2);                                      // fBinStatErrOpt kNormal, fStatOverflows kNeutral
        out.endVersion(th1);
        if (two) {
            out.f64(1).f64(h.tsumwy()).f64(h.tsumwy2()).f64(h.tsumwxy());   // fScalefactor, ...
            out.endVersion(th2);
        }
        arrayD(out, h.contentsArray());                         // the TArrayD base: the bin contents
        out.endVersion(top);
    }

    private static void axis(OutBuffer out, String name, HistogramSpec.Axis x) {
        int m = out.beginVersion(10);
        out.tnamed(name, x.title(), BITS);
        int a = out.beginVersion(4);                             // TAttAxis as TAxis's constructor sets it
        out.i32(510).i16(1).i16(1).i16(42).f32(0.005f).f32(0.035f).f32(0.03f).f32(1f).f32(0.035f).i16(1).i16(42);
        out.endVersion(a);
        out.i32(x.nbins()).f64(x.lo()).f64(x.hi());
        arrayD(out, x.storedEdges());
        out.i32(0).i32(0).i16(0).bool(false).tstring("");       // fFirst, fLast, fBits2, fTimeDisplay, fTimeFormat
        if (x.labels() == null) out.nullPointer();
        else labels(out, x.labels());
        out.nullPointer();                                       // fModLabs
        out.endVersion(m);
    }

    /** A THashList object pointer holding TObjStrings whose fUniqueID is the bin number, as TAxis::SetBinLabel makes them. */
    private static void labels(OutBuffer out, List<String> labels) {
        int obj = out.beginObject(new Object(), "THashList");
        int v = out.beginVersion(5);
        out.tobject(LIST_BITS).tstring("").i32(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            int s = out.beginObject(new Object(), "TObjString");
            int sv = out.beginVersion(1);
            out.i16(1).i32(i + 1).i32(BITS).tstring(labels.get(i));
            out.endVersion(sv);
            out.endVersion(s);
            out.i8(0);                                           // the entry's option string
        }
        out.endVersion(v);
        out.endVersion(obj);
    }

    /** TArrayD's own streamer: fN, then the values (no version). */
    private static void arrayD(OutBuffer out, double[] v) {
        out.i32(v.length).values(v, 0, v.length);
    }
}
