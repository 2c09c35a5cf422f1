package pocket.notebook;

import java.util.List;
import java.util.Map;

/**
 * Watches, inside the page, every state that pocket's progress bar (NotebookProgress: text
 * "Running: ..." then "Done: ...") shows while cells run, per cell: how many progress outputs the
 * cell held at once, in which slot of the cell's output container, and whether that container
 * stayed the same element. A MutationObserver sees every update, where polling from the test
 * would miss the ones that come faster than a round trip.
 */
final class ProgressWatch {
    /** What one cell's progress bar went through. */
    record Track(int cell, List<String> states, int mostAtOnce, List<Long> slots, boolean sameContainer) {}

    private static final String INSTALL = """
            const rx = /^(Running|Done):/;
            const tracks = window.__pocketProgress = {};
            const containers = new Map();
            const look = () => {
              Jupyter.notebook.get_cells().forEach((cell, i) => {
                if (cell.cell_type !== 'code') return;
                const container = cell.output_area.element[0];
                const areas = Array.from(container.children).filter(c => c.classList.contains('output_area'));
                const bars = [];
                areas.forEach((a, k) => {
                  const sub = a.querySelector('.output_subarea');
                  const text = sub ? sub.textContent.trim() : '';
                  if (rx.test(text)) bars.push([k, text]);
                });
                if (!bars.length) return;
                const t = tracks[i] || (tracks[i] = {states: [], mostAtOnce: 0, slots: [], sameContainer: true});
                if (!containers.has(i)) containers.set(i, container);
                else if (containers.get(i) !== container) t.sameContainer = false;
                t.mostAtOnce = Math.max(t.mostAtOnce, bars.length);
                const [slot, text] = bars[bars.length - 1];
                if (t.states[t.states.length - 1] !== text) t.states.push(text);
                if (!t.slots.includes(slot)) t.slots.push(slot);
              });
            };
            new MutationObserver(look).observe(document.getElementById('notebook-container'),
                {childList: true, subtree: true, characterData: true});
            """;

    private final HeadlessChromium browser;

    ProgressWatch(HeadlessChromium browser) {
        this.browser = browser;
        browser.js(INSTALL);
    }

    /** The tracks so far, one per cell that showed a progress bar. */
    @SuppressWarnings("unchecked")
    List<Track> tracks() {
        Map<String, Map<String, Object>> raw = (Map<String, Map<String, Object>>) browser.js("return window.__pocketProgress;");
        return raw.entrySet().stream().map(e -> new Track(Integer.parseInt(e.getKey()),
                        (List<String>) e.getValue().get("states"), ((Number) e.getValue().get("mostAtOnce")).intValue(),
                        (List<Long>) e.getValue().get("slots"), (Boolean) e.getValue().get("sameContainer")))
                .sorted(java.util.Comparator.comparingInt(Track::cell)).toList();
    }
}
