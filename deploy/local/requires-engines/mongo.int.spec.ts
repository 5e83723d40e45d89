import { MongoClient, MongoServerError } from 'mongodb';
import { engineSettings, uniqueName } from './engine-settings';

describe('MongoDB-compatible engine', () => {
  const { mongo } = engineSettings();
  const client = new MongoClient(mongo.url, { serverSelectionTimeoutMS: 10_000 });
  const database = uniqueName('smoke');

  beforeAll(async () => {
    await client.connect();
  });

  afterAll(async () => {
    await client.db(database).dropDatabase();
    await client.close();
  });

  interface ProjectDoc {
    _id: string;
    reference: string;
    title: string;
    smsLevel: number;
    position: number;
  }

  it('inserts, enforces a unique index, upserts, and finds with sort and limit', async () => {
    const projects = client.db(database).collection<ProjectDoc>('projects');
    await projects.createIndex({ reference: 1 }, { unique: true });
    await projects.insertMany([
      { _id: 'p1', reference: 'EBP-001', title: 'Hot-spot patrols', smsLevel: 5, position: 1 },
      { _id: 'p2', reference: 'EBP-002', title: 'Body-worn video', smsLevel: 3, position: 2 },
      { _id: 'p3', reference: 'EBP-003', title: 'Street lighting', smsLevel: 4, position: 3 },
    ]);

    const duplicate = await projects
      .insertOne({ _id: 'p4', reference: 'EBP-001', title: 'Copy', smsLevel: 1, position: 4 })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(duplicate).toBeInstanceOf(MongoServerError);
    expect((duplicate as MongoServerError).code).toBe(11000);

    const inserted = await projects.updateOne(
      { _id: 'p5' },
      { $set: { reference: 'EBP-005', title: 'Knife crime', smsLevel: 2, position: 5 } },
      { upsert: true },
    );
    expect(inserted.upsertedCount).toBe(1);
    const updated = await projects.updateOne(
      { _id: 'p5' },
      { $set: { smsLevel: 4 } },
      { upsert: true },
    );
    expect(updated).toMatchObject({ matchedCount: 1, modifiedCount: 1, upsertedCount: 0 });

    const strongest = await projects
      .find({ smsLevel: { $gte: 3 } })
      .sort({ smsLevel: -1, reference: 1 })
      .limit(3)
      .toArray();
    expect(strongest.map((doc) => doc._id)).toEqual(['p1', 'p3', 'p5']);
    expect(await projects.countDocuments()).toBe(4);
  });
});
