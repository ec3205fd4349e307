// npm run notebooks: sets up the analysts' Python environment (notebooks/.venv with the pinned
// requirements and the `linkage` package, its widget bundle built) and says how to use it.
import path from 'node:path';
import { ensurePythonEnv } from './python-env.ts';

const python = ensurePythonEnv();
const bin = path.relative(process.cwd(), path.dirname(python));
console.log(`linkage: the notebooks' Python is ready: ${python}`);
console.log(`  ${bin}/pip install jupyterlab          # once, to edit notebooks`);
console.log(`  ${bin}/jupyter lab notebooks/            # with Linkage running (npm start)`);
console.log(`  ${bin}/python -c "from linkage import Linkage; print(Linkage().stats())"`);
