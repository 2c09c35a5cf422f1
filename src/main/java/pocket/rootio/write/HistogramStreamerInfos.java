package pocket.rootio.write;

/**
 * The TStreamerInfo records of the histogram classes (TH1D v3, TH2D v4, TH1 v8, TH2 v5, TAxis v10,
 * TAttAxis v4, THashList v0) that no sample file carries, built as ROOT 6 writes them: same
 * checksums, element types, sizes and titles, so that ROOT finds its own classes and JSROOT, which
 * has no built-in histogram streamers, can read TH1D and TH2D keys.
 */
final class HistogramStreamerInfos {
    private static final int INFO_BITS = 0x03010000;
    private static final int ARRAY_BITS = 0x02000000;
    private static final int ELEMENT_BITS = 0x03000000;

    // ROOT's TStreamerInfo::kBase, kShort ... and the element classes' versions
    private static final int BASE = 0, SHORT = 2, INT = 3, FLOAT = 5, COUNTER = 6, DOUBLE = 8, USHORT = 12, BOOL = 18;
    private static final int OBJECT = 61, ANY = 62, OBJECT_P_ARROW = 63, OBJECT_P = 64, TSTRING = 65, TNAMED = 67, DOUBLE_P = 48;

    // class checksums (fCheckSum) of ROOT 6's classes, which base-class elements repeat in fMaxIndex[1]
    static final int TNAMED_SUM = 0xdfb74a3c, TATTLINE_SUM = 0x94074549, TATTFILL_SUM = 0xffd92a92, TATTMARKER_SUM = 0x291d8bec;
    static final int TATTAXIS_SUM = 0x5c6fff3e, TAXIS_SUM = 0x5a496e70, TH1_SUM = 0x1c3740c4, TH2_SUM = 0x0182347f;
    static final int TH1D_SUM = 0xf9b1569f, TH2D_SUM = 0x7fba82f0, TARRAYD_SUM = 0x7139ef34, TLIST_SUM = 0x69c5c3bb, THASHLIST_SUM = 0xcc7e49c1;

    /** Number of records {@link #write} appends. */
    static final int COUNT = 7;

    private HistogramStreamerInfos() {}

    /** Appends the records to a TList's contents, each followed by its (empty) option string. */
    static void write(OutBuffer out) {
        info(out, "TAttAxis", TATTAXIS_SUM, 4, e -> {
            e.basic("fNdivisions", "Number of divisions(10000*n3 + 100*n2 + n1)", INT, 4, "int");
            e.basic("fAxisColor", "Color of the line axis", SHORT, 2, "short");
            e.basic("fLabelColor", "Color of labels", SHORT, 2, "short");
            e.basic("fLabelFont", "Font for labels", SHORT, 2, "short");
            e.basic("fLabelOffset", "Offset of labels", FLOAT, 4, "float");
            e.basic("fLabelSize", "Size of labels", FLOAT, 4, "float");
            e.basic("fTickLength", "Length of tick marks", FLOAT, 4, "float");
            e.basic("fTitleOffset", "Offset of axis title", FLOAT, 4, "float");
            e.basic("fTitleSize", "Size of axis title", FLOAT, 4, "float");
            e.basic("fTitleColor", "Color of axis title", SHORT, 2, "short");
            e.basic("fTitleFont", "Font for axis title", SHORT, 2, "short");
        });
        info(out, "TAxis", TAXIS_SUM, 10, e -> {
            e.base("TNamed", "The basis for a named object (name, title)", TNAMED, TNAMED_SUM, 1);
            e.base("TAttAxis", "Axis attributes", BASE, TATTAXIS_SUM, 4);
            e.basic("fNbins", "Number of bins", INT, 4, "int");
            e.basic("fXmin", "low edge of first bin", DOUBLE, 8, "double");
            e.basic("fXmax", "upper edge of last bin", DOUBLE, 8, "double");
            e.element("TStreamerObjectAny", "fXbins", "Bin edges array in X", ANY, 24, "TArrayD");
            e.basic("fFirst", "first bin to display", INT, 4, "int");
            e.basic("fLast", "last bin to display", INT, 4, "int");
            e.basic("fBits2", "second bit status word", USHORT, 2, "unsigned short");
            e.basic("fTimeDisplay", "on/off displaying time values instead of numerics", BOOL, 1, "bool");
            e.element("TStreamerString", "fTimeFormat", "Date&time format, ex: 09/12/99 12:34:00", TSTRING, 24, "TString");
            e.element("TStreamerObjectPointer", "fLabels", "List of labels", OBJECT_P, 8, "THashList*");
            e.element("TStreamerObjectPointer", "fModLabs", "List of modified labels", OBJECT_P, 8, "TList*");
        });
        info(out, "TH1", TH1_SUM, 8, e -> {
            e.base("TNamed", "The basis for a named object (name, title)", TNAMED, TNAMED_SUM, 1);
            e.base("TAttLine", "Line attributes", BASE, TATTLINE_SUM, 2);
            e.base("TAttFill", "Fill area attributes", BASE, TATTFILL_SUM, 2);
            e.base("TAttMarker", "Marker attributes", BASE, TATTMARKER_SUM, 2);
            e.basic("fNcells", "number of bins(1D), cells (2D) +U/Overflows", INT, 4, "int");
            for (String a : new String[]{"X", "Y", "Z"})
                e.element("TStreamerObject", "f" + a + "axis", a + " axis descriptor", OBJECT, 216, "TAxis");
            e.basic("fBarOffset", "(1000*offset) for bar charts or legos", SHORT, 2, "short");
            e.basic("fBarWidth", "(1000*width) for bar charts or legos", SHORT, 2, "short");
            e.basic("fEntries", "Number of entries", DOUBLE, 8, "double");
            e.basic("fTsumw", "Total Sum of weights", DOUBLE, 8, "double");
            e.basic("fTsumw2", "Total Sum of squares of weights", DOUBLE, 8, "double");
            e.basic("fTsumwx", "Total Sum of weight*X", DOUBLE, 8, "double");
            e.basic("fTsumwx2", "Total Sum of weight*X*X", DOUBLE, 8, "double");
            e.basic("fMaximum", "Maximum value for plotting", DOUBLE, 8, "double");
            e.basic("fMinimum", "Minimum value for plotting", DOUBLE, 8, "double");
            e.basic("fNormFactor", "Normalization factor", DOUBLE, 8, "double");
            e.element("TStreamerObjectAny", "fContour", "Array to display contour levels", ANY, 24, "TArrayD");
            e.element("TStreamerObjectAny", "fSumw2", "Array of sum of squares of weights", ANY, 24, "TArrayD");
            e.element("TStreamerString", "fOption", "histogram options", TSTRING, 24, "TString");
            e.element("TStreamerObjectPointer", "fFunctions", "->Pointer to list of functions (fits and user)", OBJECT_P_ARROW, 8, "TList*");
            e.basic("fBufferSize", "fBuffer size", COUNTER, 4, "int");
            e.pointer("fBuffer", "[fBufferSize] entry buffer", DOUBLE_P, 8, "double*", 8, "fBufferSize", "TH1");
            e.basic("fBinStatErrOpt", "option for bin statistical errors", INT, 4, "TH1::EBinErrorOpt");
            e.basic("fStatOverflows", "per object flag to use under/overflows in statistics", INT, 4, "TH1::EStatOverflows");
        });
        info(out, "TH2", TH2_SUM, 5, e -> {
            e.base("TH1", "1-Dim histogram base class", BASE, TH1_SUM, 8);
            e.basic("fScalefactor", "Scale factor", DOUBLE, 8, "double");
            e.basic("fTsumwy", "Total Sum of weight*Y", DOUBLE, 8, "double");
            e.basic("fTsumwy2", "Total Sum of weight*Y*Y", DOUBLE, 8, "double");
            e.basic("fTsumwxy", "Total Sum of weight*X*Y", DOUBLE, 8, "double");
        });
        info(out, "TH1D", TH1D_SUM, 3, e -> {
            e.base("TH1", "1-Dim histogram base class", BASE, TH1_SUM, 8);
            e.base("TArrayD", "Array of doubles", BASE, TARRAYD_SUM, 1);
        });
        info(out, "TH2D", TH2D_SUM, 4, e -> {
            e.base("TH2", "2-Dim histogram base class", BASE, TH2_SUM, 5);
            e.base("TArrayD", "Array of doubles", BASE, TARRAYD_SUM, 1);
        });
        info(out, "THashList", THASHLIST_SUM, 0, e -> e.base("TList", "Doubly linked list", BASE, TLIST_SUM, 5));
    }

    private interface Elements { void add(ElementWriter e); }

    /** One TStreamerInfo v9: TNamed, checksum, class version, then its elements as a TObjArray. */
    private static void info(OutBuffer out, String className, int checksum, int version, Elements elements) {
        java.util.List<Runnable> items = new java.util.ArrayList<>();
        elements.add(new ElementWriter(out, items));
        int obj = out.beginObject(new Object(), "TStreamerInfo");
        int v = out.beginVersion(9);
        out.tnamed(className, "", INFO_BITS);
        out.i32(checksum).i32(version);
        int arrObj = out.beginObject(new Object(), "TObjArray");
        int arr = out.beginVersion(3);
        out.tobject(ARRAY_BITS).tstring("").i32(items.size()).i32(0);
        for (Runnable r : items) r.run();
        out.endVersion(arr);
        out.endVersion(arrObj);
        out.endVersion(v);
        out.endVersion(obj);
        out.i8(0);  // the TList entry's option string
    }

    /** Collects a record's elements; each is streamed when the record's array is written. */
    private record ElementWriter(OutBuffer out, java.util.List<Runnable> items) {
        void base(String name, String title, int type, int checksum, int baseVersion) {
            items.add(() -> streamed("TStreamerBase", 3, name, title, type, 0, checksum, "BASE", () -> out.i32(baseVersion)));
        }

        void basic(String name, String title, int type, int size, String typeName) {
            element("TStreamerBasicType", name, title, type, size, typeName);
        }

        void element(String cls, String name, String title, int type, int size, String typeName) {
            items.add(() -> streamed(cls, 2, name, title, type, size, 0, typeName, () -> {}));
        }

        void pointer(String name, String title, int type, int size, String typeName, int countVersion, String countName, String countClass) {
            items.add(() -> streamed("TStreamerBasicPointer", 2, name, title, type, size, 0, typeName,
                    () -> { out.i32(countVersion); out.tstring(countName); out.tstring(countClass); }));
        }

        /** TStreamerElement v4 inside the element class's own version: fType, fSize, fArrayLength, fArrayDim, fMaxIndex[5], fTypeName. */
        private void streamed(String cls, int version, String name, String title, int type, int size, int baseChecksum, String typeName, Runnable extra) {
            int obj = out.beginObject(new Object(), cls);
            int v = out.beginVersion(version);
            int se = out.beginVersion(4);
            out.tnamed(name, title, ELEMENT_BITS);
            out.i32(type).i32(size).i32(0).i32(0);
            out.i32(0).i32(baseChecksum).i32(0).i32(0).i32(0);   // ROOT keeps a base class's checksum in fMaxIndex[1]
            out.tstring(typeName);
            out.endVersion(se);
            extra.run();
            out.endVersion(v);
            out.endVersion(obj);
        }
    }
}
