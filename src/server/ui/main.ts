import { session } from './api.js';
import { fill, h } from './dom.js';
import { alignPage, listPage, qaPage, termsPage, tmPage } from './pages.js';
import { reviewPage } from './review.js';

// The review UI's router: #/ (align), #/alignments, #/review/ID[/BEAD], #/qa/ID, #/terms[/ID], #/tm.

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;

async function route(editable: boolean): Promise<void> {
  const [page, id, extra] = location.hash.replace(/^#\/?/, '').split('/');
  for (const link of nav.querySelectorAll('a'))
    link.classList.toggle('active', link.getAttribute('href') === `#/${page ?? ''}`);
  try {
    if (page === 'alignments') await listPage(main);
    else if (page === 'review' && id)
      await reviewPage(main, id, extra === undefined ? undefined : Number(extra), editable);
    else if (page === 'qa' && id) await qaPage(main, id);
    else if (page === 'terms') await termsPage(main, id, editable);
    else if (page === 'tm') tmPage(main, decodeURIComponent(id ?? ''));
    else alignPage(main, editable);
  } catch (error) {
    fill(main, h('p', { class: 'status error', role: 'alert' }, (error as Error).message));
  }
}

async function start(): Promise<void> {
  const current = await session();
  if (!current) {
    fill(
      main,
      h('h1', {}, 'Sign in'),
      h(
        'p',
        {},
        'Open the link that ',
        h('code', {}, 'bitext serve'),
        ' printed (it ends in ',
        h('code', {}, '/?token=…'),
        '), or a link with a token you were given.',
      ),
    );
    return;
  }
  document.getElementById('role')!.textContent = current.role;
  const editable = current.role !== 'viewer';
  window.addEventListener('hashchange', () => void route(editable));
  await route(editable);
}

void start();
