// An import running in the background: the status page asks how far it got every two seconds and shows it, then reloads
// once it ends so the report appears. Without script the page says to refresh, and refreshing shows the same.
(() => {
    const box = document.getElementById('import-progress');
    if (!box || box.dataset.finished === 'true') {
        return;
    }
    const count = document.getElementById('import-count');
    const bar = document.getElementById('import-bar');
    // "{0} of {1} items" in the reader's language, as the server wrote it.
    const template = count.dataset.template;
    const poll = async () => {
        try {
            const response = await fetch(box.dataset.progress, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const progress = await response.json();
                if (progress.finished) {
                    window.location.reload();
                    return;
                }
                bar.max = Math.max(1, progress.total);
                bar.value = progress.done;
                count.textContent = template.replace('{0}', String(progress.done)).replace('{1}', String(progress.total));
            }
        } catch {
            // A network hiccup: the next poll tries again.
        }
        window.setTimeout(poll, 2000);
    };
    window.setTimeout(poll, 2000);
})();
