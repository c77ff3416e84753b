import { removeTempDirs } from './helpers';

afterAll(removeTempDirs);
