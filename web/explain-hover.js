// The step of the explanation under the pointer or focus (a `.node` of the
// tree, numbered by data-node): onHover(index | null) -> whether it changed;
// the step shown as active is the one that did.
export function followHover(tree, onHover) {
  const hover = (nodeEl) => {
    const index = nodeEl ? Number(nodeEl.dataset.node) : null;
    if (!onHover(index)) return;
    for (const el of tree.querySelectorAll('.node.active')) el.classList.remove('active');
    if (nodeEl) nodeEl.classList.add('active');
  };
  tree.addEventListener('mouseover', (e) => hover(e.target.closest('.node')));
  tree.addEventListener('mouseleave', () => { if (!tree.contains(document.activeElement)) hover(null); });
  tree.addEventListener('focusin', (e) => hover(e.target.closest('.node')));
  tree.addEventListener('focusout', (e) => { if (!tree.contains(e.relatedTarget)) hover(null); });
}
